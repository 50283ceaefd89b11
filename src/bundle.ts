/**
 * Entry of the script-tag bundle: registers every element, speaks French inside `lang="fr"`, and
 * exposes the API (`configure`, the classes) as the module's exports and as `window.AuthressOnboarding`
 * in the IIFE build.
 */
import './define.js';
import { registerFrench } from './locales/fr.js';

registerFrench();

export * from './index.js';
