// The built Storybook, served as static files: every story renders its element (with the network
// mocked by msw in the page) and throws no error. Builds Storybook first when it is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { startStaticServer, type StaticServer } from './support/static-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const output = `${root}storybook-static/`;

interface IndexEntry {
  id: string;
  type: string;
  title: string;
  name: string;
}

describe('Storybook (built)', () => {
  let site: StaticServer;
  let browser: Browser;
  let stories: IndexEntry[];

  before(async () => {
    if (!existsSync(`${output}index.json`)) {
      const built = spawnSync('npx', ['storybook', 'build', '--quiet'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      });
      assert.equal(built.status, 0, 'storybook build failed');
    }
    const index = JSON.parse(readFileSync(`${output}index.json`, 'utf8')) as { entries: Record<string, IndexEntry> };
    stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    site = await startStaticServer({ mounts: { '/': output } });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has stories for all five elements', () => {
    const titles = new Set(stories.map((story) => story.title));
    for (const tag of ['signup-button', 'create-account-form', 'invite-accept', 'sso-config-form', 'invite-form']) {
      assert.ok([...titles].some((title) => title.endsWith(tag)), `stories for <${tag}>`);
    }
  });

  it('renders every story without errors', async () => {
    const problems: string[] = [];
    const queue = [...stories];
    // Two tabs share the queue: the machine has two cores.
    await Promise.all([0, 1].map(() => renderStories(queue, problems)));
    assert.deepEqual(problems, []);
  });

  async function renderStories(queue: IndexEntry[], problems: string[]): Promise<void> {
    const page = await browser.newPage();
    let current = '';
    page.on('pageerror', (error) => problems.push(`${current}: ${error.message}`));
    await page.goto(`${site.url}/iframe.html?id=${queue[0].id}&viewMode=story`);
    for (let story = queue.shift(); story; story = queue.shift()) {
      current = story.id;
      // Switch stories through Storybook's own channel instead of reloading the preview each time.
      const rendered = await page
        .evaluate(async (storyId) => {
          type Channel = { emit(event: string, data: unknown): void; once(event: string, fn: (id: unknown) => void): void };
          const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__?: Channel }).__STORYBOOK_ADDONS_CHANNEL__;
          for (let i = 0; !channel && i < 200; i++) await new Promise((r) => setTimeout(r, 25));
          const done = new Promise<boolean>((resolve) => {
            channel!.once('storyRendered', () => resolve(true));
            channel!.once('storyErrored', () => resolve(false));
            channel!.once('storyThrewException', () => resolve(false));
            setTimeout(() => resolve(false), 10_000);
          });
          channel!.emit('setCurrentStory', { storyId, viewMode: 'story' });
          if (!(await done)) return false;
          // Rendered means: one of our elements has a shadow root with content.
          for (let i = 0; i < 200; i++) {
            const element = document
              .querySelector('#storybook-root')
              ?.querySelector('signup-button, create-account-form, invite-accept, sso-config-form, invite-form');
            if (element?.shadowRoot?.childElementCount) return true;
            await new Promise((r) => setTimeout(r, 25));
          }
          return false;
        }, story.id)
        .catch(() => false);
      if (!rendered) problems.push(`${story.id}: the element did not render`);
    }
    await page.close();
  }
});
