/**
 * How a stored file that an object lists (an assessment's media, a question's attachments, an
 * answer's recording) is named in a download URL: by the last segment of its storage key, e.g.
 * `65b8c0f1a2b3c4d5e6f70812.png`, unique within its owner's list. A download route looks the id
 * up in that list, so only files the object names are ever served.
 */
export const fileIdPattern = '^[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9]{1,8}$';

export function fileIdOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** The listed file with this id, if any. */
export function listedFile<T extends { path: string }>(files: readonly T[], fileId: string): T | undefined {
  return files.find((file) => fileIdOf(file.path) === fileId);
}

/** The file as a response lists it: with `url`, its download route under `base` (the owner's media URL). */
export function withDownloadUrl<T extends { path: string }>(file: T, base: string): T & { url: string } {
  return { ...file, url: `${base}/${fileIdOf(file.path)}` };
}
