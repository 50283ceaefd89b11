// Lists the emails the backend captured (demo-only GET /outbox). Text only: the email HTML is never
// rendered; links become real <a> elements, and only http(s) ones.
import { el, pageReady, setUpPage, showProblem } from './site.js';

interface OutboxEntry { to: string; subject: string; text: string; links: string[]; sentAt: string }

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

function safeLink(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

async function load(outbox: string): Promise<void> {
  const status = document.getElementById('mail-status')!;
  const response = await fetch(outbox, { cache: 'no-store' });
  if (!response.ok) throw new Error(`outbox answered ${response.status}`);
  const entries = (await response.json()) as OutboxEntry[];
  const rows = document.getElementById('mail-rows')!;
  rows.replaceChildren();
  for (const entry of entries) {
    const row = el('tr');
    const when = el('time', dateFormat.format(new Date(entry.sentAt)));
    when.dateTime = entry.sentAt;
    const date = el('td');
    date.append(when);
    const links = el('td');
    for (const raw of entry.links) {
      const url = safeLink(raw);
      if (!url) continue;
      const link = el('a', url.pathname.endsWith('/invite.html') ? 'Open invitation' : url.href);
      link.href = url.href;
      link.rel = 'noreferrer';
      link.setAttribute('aria-label', `Open invitation sent to ${entry.to}`);
      links.append(link);
    }
    row.append(date, el('td', entry.to), el('td', entry.subject), links);
    rows.append(row);
  }
  document.getElementById('mail-table')!.hidden = entries.length === 0;
  status.textContent = entries.length === 0 ? 'No emails yet. Invite someone from your account settings.' : `${entries.length} email${entries.length === 1 ? '' : 's'}.`;
}

async function main(): Promise<void> {
  const config = await setUpPage();
  document.getElementById('refresh')!.addEventListener('click', () => {
    load(config.outbox).catch((error) => showProblem('The mailbox could not be loaded.', error));
  });
  await load(config.outbox);
}

main()
  .catch((error) => showProblem('The mailbox could not be loaded.', error))
  .finally(pageReady);
