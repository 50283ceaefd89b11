// One LoginClient, configured by the test through window.__LOGIN_TEST_CONFIG__ (page.addInitScript).
// Built at module evaluation, before `load`, so the SDK's onload check completes a returning login.
import { LoginClient } from '@authress/login';

const config = window.__LOGIN_TEST_CONFIG__;
if (!config) throw new Error('Set window.__LOGIN_TEST_CONFIG__ = { authressApiUrl, applicationId } with page.addInitScript');
window.loginClient = new LoginClient({ authressApiUrl: config.authressApiUrl, applicationId: config.applicationId });
window.appReady = true;
document.getElementById('status').textContent = 'ready';
