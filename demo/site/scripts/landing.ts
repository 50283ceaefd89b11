import { SignupButtonElement } from '../../../src/index.js';
import { pageReady, setUpPage, showProblem } from './site.js';

setUpPage()
  .then(() => {
    SignupButtonElement.define();
    pageReady();
  })
  .catch((error) => showProblem('The demo settings could not be loaded.', error));
