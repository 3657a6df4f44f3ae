import { candidateApi } from '../candidate-api';

const partBytes = 4 * 1024 * 1024;

export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * Sends a file through the chunked answer-media API, one multipart part per request (4 MiB each,
 * every part naming the total so they may arrive in any order); a part that fails is sent again once.
 */
export async function uploadAnswerMedia(mediaToken: string, file: Blob, fileName: string, onProgress: (progress: UploadProgress) => void): Promise<void> {
  const total = Math.max(1, Math.ceil(file.size / partBytes));
  const recordId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  for (let part = 1; part <= total; part++) {
    const form = new FormData();
    form.set('isLast', String(part === total));
    form.set('recordId', recordId);
    form.set('partNumber', String(part));
    form.set('totalChunks', String(total));
    form.set('file', file.slice((part - 1) * partBytes, part * partBytes), fileName);
    let sent = await sendPart(mediaToken, form).catch(() => undefined);
    if (!sent || (sent.error && sent.response.status >= 500)) sent = await sendPart(mediaToken, form);
    if (sent.error) throw new Error(sent.error.message ?? `HTTP ${sent.response.status}`);
    onProgress({ sent: part, total });
  }
}

// The route takes JSON (typed) or multipart/form-data: a FormData body goes as it is, with its boundary.
function sendPart(mediaToken: string, form: FormData) {
  return candidateApi.POST('/assessments/answers/{token}/media', { params: { path: { token: mediaToken } }, body: form as never, bodySerializer: (body: unknown) => body as FormData });
}
