import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { AppError } from '../platform/errors.js';
import { CliError, type CliCommand } from './command.js';

/** What `assay --help` says above the list of commands. */
const about = 'Assay, the open-source talent platform API: run the server and administer its database.';

/** Builds the `assay` program from the commands; each gets `--help`, `assay help <command>` too. */
export function cliProgram(commands: CliCommand[]): Command {
  const program = new Command('assay').description(about).exitOverride().showSuggestionAfterError().configureOutput(prefixedErrors('assay'));
  for (const declared of commands) {
    const command = program
      .command(declared.name)
      .summary(declared.summary)
      .description(declared.description ?? declared.summary)
      .configureOutput(prefixedErrors(`assay ${declared.name}`));
    for (const argument of declared.arguments ?? []) command.argument(argument.name, argument.description);
    for (const option of declared.options ?? []) command.option(option.flags, option.description);
    command.action(async (...received: unknown[]) => {
      const self = received.at(-1) as Command;
      await declared.run({
        args: self.processedArgs as string[],
        options: self.opts<Record<string, string | undefined>>(),
        print: (line) => void process.stdout.write(`${line}\n`),
      });
    });
  }
  return program;
}

/** Commander's parse errors (`error: unknown option '--x'`) in the same form as ours. */
function prefixedErrors(prefix: string): OutputConfiguration {
  return { outputError: (text, write) => write(text.replace(/^error: /, `${prefix}: `)) };
}

/**
 * Runs `argv` (without node and the script) and answers the exit code. A failed command prints one
 * line on standard error, `assay <command>: <what went wrong>`; LOG_LEVEL=debug adds the stack.
 */
export async function runCli(commands: CliCommand[], argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const program = cliProgram(commands);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its own one-line parse errors and the help it was asked for.
    if (error instanceof CommanderError) return error.exitCode;
    const name = commands.find((command) => command.name === argv[0])?.name;
    printError(error, name ? `assay ${name}` : 'assay', env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace');
    return 1;
  }
}

function printError(error: unknown, prefix: string, withStack: boolean): void {
  if (withStack) console.error(error);
  if (error instanceof CliError) {
    console.error(`${prefix}: ${error.message}`);
    for (const line of error.details) console.error(`  ${line}`);
    return;
  }
  if (error instanceof AppError) return void console.error(`${prefix}: ${error.message}`);
  const message = error instanceof Error ? error.message : String(error);
  console.error(withStack ? `${prefix}: ${message}` : `${prefix}: ${message} (LOG_LEVEL=debug prints the stack)`);
}
