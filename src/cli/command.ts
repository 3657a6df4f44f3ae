/**
 * A command of the `assay` CLI as a module declares it: data only, so modules need not know the
 * argument parser. `run-cli.ts` turns the list into the program, with `--help` for each.
 */
export interface CliCommand {
  name: string;
  /** One line, listed by `assay --help`. */
  summary: string;
  /** Shown by `assay <name> --help`; the summary when unset. */
  description?: string;
  /** Positional arguments in commander's notation: `<email>` (required) or `[email]`. */
  arguments?: Array<{ name: string; description: string }>;
  /** Options in commander's notation, e.g. `--workspace <id>`; read back camel-cased (`workspaceName`). */
  options?: Array<{ flags: string; description: string }>;
  run(input: CliInput): Promise<void>;
}

export interface CliInput {
  args: string[];
  options: Record<string, string | undefined>;
  /** Writes one line to standard output. */
  print: (line: string) => void;
}

/** A failure the user can act on: printed as one line, then `details` indented, exit code 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
