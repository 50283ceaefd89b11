import { CreateAccountFormElement } from '../../../src/index.js';
import { pageReady, setUpPage, showProblem } from './site.js';

setUpPage()
  .then(() => {
    CreateAccountFormElement.define();
    // An app would record analytics here; the element itself navigates to success-url.
    document.addEventListener('account-created', (event) => {
      const { account } = (event as CustomEvent<{ account: { accountId: string } }>).detail;
      console.info('account created', account.accountId);
    });
    pageReady();
  })
  .catch((error) => showProblem('The demo settings could not be loaded.', error));
