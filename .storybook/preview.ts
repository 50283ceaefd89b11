import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import '../src/define.js';

setCustomElementsManifest(manifest);

export default {
  // Stories mock the backend with msw handlers in `parameters.msw.handlers`, so every story runs
  // the real API client (retries, problem mapping) against a fake network.
  loaders: [mswLoader()],
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
} satisfies Preview;
