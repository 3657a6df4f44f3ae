/** The file types Assay accepts in uploads, recognised by their first bytes, never by the client's word. */
export type FileKind = 'gzip' | 'png' | 'jpeg' | 'webm' | 'mp4' | 'pdf' | 'csv' | 'text';

export const fileKinds: Record<FileKind, { contentType: string; extensions: string[] }> = {
  gzip: { contentType: 'application/gzip', extensions: ['.gz', '.tgz'] },
  png: { contentType: 'image/png', extensions: ['.png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  webm: { contentType: 'video/webm', extensions: ['.webm'] },
  mp4: { contentType: 'video/mp4', extensions: ['.mp4', '.m4v', '.m4a'] },
  pdf: { contentType: 'application/pdf', extensions: ['.pdf'] },
  csv: { contentType: 'text/csv', extensions: ['.csv'] },
  text: { contentType: 'text/plain', extensions: ['.txt', '.json', '.log', '.md'] },
};

/** Bytes to read before deciding (the WebM doctype may sit a little into the EBML header). */
export const sniffBytes = 4096;

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);

function binaryKind(head: Buffer): FileKind | undefined {
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  // ISO base media (MP4 and relatives): a box size, then "ftyp".
  if (startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) return 'mp4';
  // EBML (Matroska family); only the "webm" doctype is WebM.
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && head.subarray(0, 64).includes('webm')) return 'webm';
  return undefined;
}

/**
 * Text when the head is UTF-8 (a multi-byte character may be cut at the end of the head) without
 * NUL or other control characters besides tab, CR, LF and form feed.
 */
function looksLikeText(head: Buffer, complete: boolean): boolean {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  try {
    // In stream mode a character cut off by the end of the head is held back, not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * The kind of a file from its first bytes, among the accepted ones. CSV and plain text share a
 * signature (none): the declared type or the name's extension picks CSV, else text.
 */
export function sniffKind(head: Buffer, complete: boolean, accepted: FileKind[], declared: { mimetype?: string; fileName?: string }): FileKind | undefined {
  const binary = binaryKind(head);
  if (binary) return accepted.includes(binary) ? binary : undefined;
  if (!looksLikeText(head, complete)) return undefined;
  const saysCsv = /csv/i.test(declared.mimetype ?? '') || /\.csv$/i.test(declared.fileName ?? '');
  if (accepted.includes('csv') && (saysCsv || !accepted.includes('text'))) return 'csv';
  return accepted.includes('text') ? 'text' : undefined;
}

/**
 * A file name safe to store and to offer back in Content-Disposition: no directories, no control
 * or reserved characters, no leading dots, at most 120 characters, and an extension that matches
 * what the bytes are (evil.html uploaded as PNG becomes evil.html.png).
 */
export function sanitizeFileName(name: string | undefined, kind: FileKind): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const { extensions } = fileKinds[kind];
  const lower = clean.toLowerCase();
  if (!extensions.some((ext) => lower.endsWith(ext))) clean = `${clean || 'file'}${extensions[0]}`;
  const chars = Array.from(clean);
  if (chars.length > 120) {
    const ext = clean.slice(clean.lastIndexOf('.'));
    clean = chars.slice(0, 120 - ext.length).join('') + ext;
  }
  return clean;
}
