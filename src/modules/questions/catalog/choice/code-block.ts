const fence = '```';

/** A fenced code block for a statement. */
export const code = (language: string, text: string) => `${fence}${language}\n${text}\n${fence}`;
