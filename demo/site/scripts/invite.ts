import { InviteAcceptElement } from '../../../src/index.js';
import { pageReady, setUpPage, showProblem } from './site.js';

setUpPage()
  .then(() => {
    InviteAcceptElement.define();
    pageReady();
  })
  .catch((error) => showProblem('The demo settings could not be loaded.', error));
