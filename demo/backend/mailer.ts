// Email through nodemailer: SMTP when SMTP_URL is set, otherwise nodemailer's JSON transport and
// the outbox table that the demo's mailbox page lists.
import nodemailer from 'nodemailer';
import type { BackendConfig } from './config.js';
import type { Db } from './db.js';

export interface Email { to: string; subject: string; text: string; html: string; links: string[] }
export interface Mailer { send(email: Email): Promise<void>; close(): void }

export function createMailer(config: BackendConfig, db: Db, now: () => number): Mailer {
  const transport = config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10_000 } as never)
    : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(email) {
      await transport.sendMail({ from: config.mailFrom, to: email.to, subject: email.subject, text: email.text, html: email.html });
      if (!config.smtpUrl) db.outbox.add({ ...email, sentAt: new Date(now()).toISOString() });
    },
    close: () => transport.close(),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
/** Header-safe single line (no CR/LF) for user-provided text in the subject. */
const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ').trim();

export function inviteEmail(input: { to: string; accountName: string; roleName: string; link: string; expiresAt: Date }): Email {
  const expires = input.expiresAt.toUTCString();
  const subject = `You're invited to join ${oneLine(input.accountName)}`;
  const text = [
    `You have been invited to join ${oneLine(input.accountName)} as ${oneLine(input.roleName)}.`,
    '',
    `Accept the invitation: ${input.link}`,
    '',
    `The link works once and expires on ${expires}. If you did not expect this email, ignore it.`,
  ].join('\n');
  const html = `<!doctype html><html><body>
<p>You have been invited to join <strong>${escapeHtml(input.accountName)}</strong> as ${escapeHtml(input.roleName)}.</p>
<p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>
<p>The link works once and expires on ${escapeHtml(expires)}. If you did not expect this email, ignore it.</p>
</body></html>`;
  return { to: input.to, subject, text, html, links: [input.link] };
}
