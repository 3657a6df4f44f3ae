import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { SignedXml } from 'xml-crypto';

/** A SAML identity provider's signing identity: an RSA key and its self-signed X.509 certificate. */
export interface TestIdp {
  issuer: string;
  privateKey: string;
  cert: string;
}

/** Generates the key pair and certificate with the openssl CLI, as an IdP admin would. */
export function createTestIdp(issuer: string): TestIdp {
  const dir = mkdtempSync(join(tmpdir(), 'assay-idp-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
      '-subj', '/CN=assay-test-idp', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { issuer, privateKey: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface AssertionInput {
  audience: string;
  acsUrl: string;
  inResponseTo: string;
  email: string;
  issuer?: string;
  /** Validity window of the assertion; defaults to five minutes around now. */
  notBefore?: Date;
  notOnOrAfter?: Date;
  /** The bearer confirmation's deadline; defaults to notOnOrAfter. */
  subjectNotOnOrAfter?: Date;
  attributes?: Record<string, string>;
}

const iso = (date: Date) => date.toISOString();
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An unsigned SAML 2.0 Response with one bearer assertion, shaped like Okta's or Entra's. */
export function samlResponseXml(idp: TestIdp, input: AssertionInput): string {
  const now = new Date();
  const notBefore = input.notBefore ?? new Date(now.getTime() - 5 * 60_000);
  const notOnOrAfter = input.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
  const subjectNotOnOrAfter = input.subjectNotOnOrAfter ?? notOnOrAfter;
  const issuer = escape(input.issuer ?? idp.issuer);
  const attributes = Object.entries({ email: input.email, ...input.attributes })
    .map(([name, value]) => `<saml:Attribute Name="${escape(name)}"><saml:AttributeValue>${escape(value)}</saml:AttributeValue></saml:Attribute>`)
    .join('');
  const assertionId = `_a${randomBytes(16).toString('hex')}`;
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
    `ID="_r${randomBytes(16).toString('hex')}" Version="2.0" IssueInstant="${iso(now)}" Destination="${escape(input.acsUrl)}" InResponseTo="${escape(input.inResponseTo)}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion ID="${assertionId}" Version="2.0" IssueInstant="${iso(now)}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(input.email)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData InResponseTo="${escape(input.inResponseTo)}" NotOnOrAfter="${iso(subjectNotOnOrAfter)}" Recipient="${escape(input.acsUrl)}"/>` +
    `</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(notBefore)}" NotOnOrAfter="${iso(notOnOrAfter)}">` +
    `<saml:AudienceRestriction><saml:Audience>${escape(input.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${assertionId}"><saml:AuthnContext>` +
    `<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>` +
    `</saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`
  );
}

/** Signs the assertion (enveloped, exclusive c14n, RSA-SHA256), the signature right after its Issuer. */
export function signAssertion(idp: Pick<TestIdp, 'privateKey'>, xml: string): string {
  const signer = new SignedXml({
    privateKey: idp.privateKey,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } });
  return signer.getSignedXml();
}

export const base64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

/** The AuthnRequest ID inside an HTTP-Redirect binding URL (deflated, base64). */
export function requestIdFromRedirect(redirectUrl: string): string {
  const request = new URL(redirectUrl).searchParams.get('SAMLRequest');
  if (!request) throw new Error('no SAMLRequest in the redirect URL');
  const xml = inflateRawSync(Buffer.from(request, 'base64')).toString('utf8');
  const id = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error('no ID in the AuthnRequest');
  return id;
}

const assertionPattern = /<saml:Assertion [\s\S]*<\/saml:Assertion>/;

/**
 * XML signature wrapping: an unsigned assertion for `email` takes the signed one's place and
 * carries its Signature, with the genuine signed assertion hidden inside its Advice.
 */
export function wrapInForgedAssertion(signedXml: string, genuineEmail: string, email: string): string {
  const genuine = assertionPattern.exec(signedXml)?.[0];
  if (!genuine) throw new Error('no assertion to wrap');
  const forged = genuine
    .replace(/ ID="[^"]+"/, ` ID="_forged${randomBytes(8).toString('hex')}"`)
    .split(genuineEmail).join(email)
    .replace(/<\/saml:Assertion>$/, `<saml:Advice>${genuine}</saml:Advice></saml:Assertion>`);
  return signedXml.replace(genuine, forged);
}

/** The other classic wrapping: a forged assertion placed before the genuine signed one. */
export function prependForgedAssertion(signedXml: string, genuineEmail: string, email: string): string {
  const genuine = assertionPattern.exec(signedXml)?.[0];
  if (!genuine) throw new Error('no assertion to wrap');
  const forged = genuine
    .replace(/ ID="[^"]+"/, ` ID="_forged${randomBytes(8).toString('hex')}"`)
    .replace(/<(\w+:)?Signature[\s\S]*<\/(\w+:)?Signature>/, '')
    .split(genuineEmail).join(email);
  return signedXml.replace(genuine, forged + genuine);
}
