import { describe, expect, it } from 'vitest';
import { renderMail, mailLanguage } from './render-mail.js';
import { templates } from './templates.js';

const data = { name: 'Ana', link: 'https://app.example.test/x', workspace: 'Acme', password: 'Pw-123456', signin: 'https://app.example.test/auth/signin' };

describe('mail templates', () => {
  it('render every template in every language with no placeholder left', () => {
    for (const template of Object.keys(templates)) {
      for (const language of ['en', 'pt', 'es']) {
        const mail = renderMail(template, language, data);
        for (const part of [mail.subject, mail.text, mail.html]) expect(part, `${template}/${language}`).not.toMatch(/\{\w+\}/);
        // A template with a button carries its link; a notice without one carries none.
        if (templates[template as keyof typeof templates][language as 'en'].action) expect(mail.text).toContain('https://app.example.test/x');
        else expect(mail.text).not.toContain('https://app.example.test/x');
        expect(mail.html).toContain(`lang="${language}"`);
      }
    }
  });

  it('fall back to English and greet without a name when there is none', () => {
    expect(mailLanguage('fr')).toBe('en');
    expect(mailLanguage('pt-BR')).toBe('pt');
    const mail = renderMail('account_confirmation', 'xx', { link: 'https://l' });
    expect(mail.subject).toBe('Confirm your e-mail address');
    expect(mail.text.startsWith('Hi,\n')).toBe(true);
  });

  it('leave out a sentence whose value is missing', () => {
    const mail = renderMail('welcome', 'pt', { name: 'Ana' });
    expect(mail.text).toContain('Sua conta no Assay está pronta.');
    expect(mail.text).not.toContain('Agora você faz parte');
    expect(mail.text).not.toContain('Abrir o Assay');
  });

  it('escape values in HTML but not in the text part', () => {
    const mail = renderMail('workspace_invite', 'en', { ...data, workspace: '<b>"x"</b>' });
    expect(mail.html).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
    expect(mail.text).toContain('<b>"x"</b>');
  });

  it('refuse an unknown template', () => {
    expect(() => renderMail('nope', 'en', {})).toThrow(/unknown mail template/);
  });
});
