// The no-build page's only script besides the bundle: hands the live demo settings to the
// elements the bundle already registered. Plain JavaScript, served as is.
import { configure } from '/dist/onboarding-elements.bundle.js';

const response = await fetch('/demo-config.json', { cache: 'no-store' });
const config = await response.json();
configure({ loginHost: config.loginHost, applicationId: config.applicationId, apiBase: config.apiBase });
document.documentElement.dataset.ready = 'true';
