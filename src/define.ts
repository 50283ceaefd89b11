/** Registers every element under its default tag. */
import './elements/signup-button/define.js';
import './elements/create-account-form/define.js';
import './elements/invite-accept/define.js';
import './elements/sso-config-form/define.js';
import './elements/invite-form/define.js';
