import { expect } from '@open-wc/testing';
import { resolveSafeRedirect } from '../../src/core/redirect.js';
import { defineElement } from '../../src/core/define-element.js';
import { SignupButtonElement } from '../../src/elements/signup-button/signup-button.js';

const base = 'https://app.example.test/onboarding/start?x=1';

describe('resolveSafeRedirect', () => {
  const refused: string[] = [
    '//evil.test',
    '//evil.test/path',
    '/\\evil.test',
    '\\\\evil.test',
    '/\t/evil.test',
    'https://evil.test',
    'http://app.example.test', // same host, other scheme: another origin
    'https://app.example.test:8443/',
    'https://app.example.test@evil.test/',
    'https://user:pw@app.example.test/', // credentials in a redirect are never legitimate
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https://evil.test%2F@app.example.test',
    '',
    '   ',
  ];
  it('refuses every open-redirect trick', () => {
    const accepted = refused.filter((target) => resolveSafeRedirect(target, { base }) !== null);
    expect(accepted).to.deep.equal([]);
  });

  it('resolves relative URLs against the page', () => {
    expect(resolveSafeRedirect('/welcome?a=1#top', { base })?.href).to.equal('https://app.example.test/welcome?a=1#top');
    expect(resolveSafeRedirect('next', { base })?.href).to.equal('https://app.example.test/onboarding/next');
    // With the page's own scheme, "https:evil.test" is a relative path, exactly as browsers read it.
    expect(resolveSafeRedirect('https:evil.test', { base })?.href).to.equal('https://app.example.test/onboarding/evil.test');
    expect(resolveSafeRedirect('http:evil.test', { base })).to.equal(null);
    expect(resolveSafeRedirect('%2F%2Fevil.test', { base })?.href).to.equal('https://app.example.test/onboarding/%2F%2Fevil.test');
  });

  it('allows another origin only when it is allow-listed', () => {
    expect(resolveSafeRedirect('https://admin.example.test/x', { base })).to.equal(null);
    expect(resolveSafeRedirect('https://admin.example.test/x', { base, allowedOrigins: ['https://admin.example.test'] })?.href).to.equal(
      'https://admin.example.test/x',
    );
    expect(resolveSafeRedirect('https://admin.example.test.evil.test/', { base, allowedOrigins: ['https://admin.example.test'] })).to.equal(null);
  });
});

describe('defineElement', () => {
  it('ignores a second registration of the same class', () => {
    SignupButtonElement.define();
    expect(() => SignupButtonElement.define()).not.to.throw();
    expect(customElements.get('signup-button')).to.equal(SignupButtonElement);
  });

  it('warns instead of throwing when another class already owns the tag', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Impostor extends HTMLElement {}
      SignupButtonElement.define();
      expect(() => defineElement('signup-button', Impostor)).not.to.throw();
      expect(warnings).to.have.length(1);
      expect(customElements.get('signup-button')).to.equal(SignupButtonElement);
    } finally {
      console.warn = original;
    }
  });

  it('registers under another tag name on request', () => {
    class Renamed extends SignupButtonElement {}
    Renamed.define('my-signup');
    expect(customElements.get('my-signup')).to.equal(Renamed);
  });
});
