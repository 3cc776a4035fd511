// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, type SingleBar } from 'cli-progress';
import { Workbook } from 'exceljs';
import type { ListKind } from '@redcrowd/contracts';
import { SHEET_NAMES, problemLine, type WorkbookProblem } from '@redcrowd/spreadsheets';
import { authSettingsFor, openTokenKeys } from './infra/dev-auth';
import { InfraError } from './infra/errors';
import { ensurePostgres } from './infra/postgres';
import { runMain } from './infra/processes';

/*
 * `npm run import -- FILE...`: an operator loads a whole alliance's sheets (资源清单 and
 * 需求清单 as .xlsx or .csv) through intake's upload route, the same path as the dashboard,
 * so every file is judged and stored exactly as an upload is. A refused file's marked copy
 * is written beside it (<name>-问题标注.xlsx).
 */
const USAGE = `Usage: npm run import -- [options] FILE...
  --kind resource|demand     what the files are (default: from the sheet name or the file name)
  --intake URL               intake's address (default http://127.0.0.1:$INTAKE_HTTP_PORT or :3000)
  --alliance ID              the alliance, for files that do not name it (CSV)
  --submitter-kind KIND      community or unit, for demand files that do not say
  --submitter-id ID          the member a file is for, when the file does not name it
  --submitter-name NAME
  --list-id ID
Signs in with REDCROWD_TOKEN when set; otherwise as the deployment's operator (an admin token
for 10 minutes, signed with the keys in DATABASE_URL's database).`;

interface ImportOptions {
  kind?: ListKind;
  intakeUrl: string;
  fields: Record<string, string>;
}

/** What intake answers an upload: the accepted event, or an error with the workbook's problems. */
interface IntakeAnswer {
  listId?: string;
  revision?: number;
  outcome?: string;
  itemCount?: number;
  membership?: string;
  error?: { message: string };
  workbook?: { problems?: WorkbookProblem[]; markedCopy?: { fileName: string; base64: string } };
}

interface FileOutcome {
  file: string;
  ok: boolean;
  items: number;
}

async function main(args: string[]): Promise<number> {
  const { positionals: files, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      intake: { type: 'string' },
      alliance: { type: 'string' },
      'submitter-kind': { type: 'string' },
      'submitter-id': { type: 'string' },
      'submitter-name': { type: 'string' },
      'list-id': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || files.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.kind !== undefined && values.kind !== 'resource' && values.kind !== 'demand') {
    throw new InfraError(`--kind must be resource or demand\n${USAGE}`);
  }
  const fields = Object.fromEntries(
    Object.entries({
      allianceId: values.alliance,
      submitterKind: values['submitter-kind'],
      submitterId: values['submitter-id'],
      submitterName: values['submitter-name'],
      listId: values['list-id'],
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const options: ImportOptions = {
    kind: values.kind as ListKind | undefined,
    intakeUrl: (values.intake ?? `http://127.0.0.1:${process.env.INTAKE_HTTP_PORT ?? 3000}`).replace(
      /\/$/,
      '',
    ),
    fields,
  };
  const token = process.env.REDCROWD_TOKEN ?? (await operatorToken());

  const progress = new ImportProgress(files.length);
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    progress.starting(path.basename(file));
    const outcome = await importFile(file, options, token, (line) => progress.log(line));
    outcomes.push(outcome);
    progress.done(outcome.items);
  }
  progress.stop();
  const refused = outcomes.filter((outcome) => !outcome.ok);
  const items = outcomes.reduce((sum, outcome) => sum + outcome.items, 0);
  console.log(
    `${outcomes.length - refused.length} of ${outcomes.length} files stored (${items} items)` +
      (refused.length > 0 ? `; refused: ${refused.map((outcome) => outcome.file).join(', ')}` : ''),
  );
  return refused.length > 0 ? 1 : 0;
}

async function importFile(
  file: string,
  options: ImportOptions,
  token: string,
  log: (line: string) => void,
): Promise<FileOutcome> {
  const name = path.basename(file);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InfraError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  const kind = options.kind ?? (await kindOf(bytes, name));
  if (!kind) {
    log(`✗ ${name}: cannot tell whether it is a 资源清单 or a 需求清单; say it with --kind resource|demand`);
    return { file: name, ok: false, items: 0 };
  }
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  for (const [field, value] of Object.entries(options.fields)) form.append(field, value);
  const response = await fetch(`${options.intakeUrl}/${kind}-lists/workbook`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  }).catch((error: unknown) => {
    throw new InfraError(
      `intake at ${options.intakeUrl} did not answer (${(error as Error).message}); is it running (npm start)?`,
    );
  });
  const body = (await response.json()) as IntakeAnswer;
  if (response.ok) {
    log(
      `✓ ${name}: ${kind === 'resource' ? '资源清单' : '需求清单'} ${body.listId} revision ${body.revision} ` +
        `${body.outcome === 'unchanged' ? 'unchanged' : 'stored'}, ${body.itemCount} items` +
        (body.membership === 'pending' ? ' (the submitter awaits admission)' : ''),
    );
    return { file: name, ok: true, items: Number(body.itemCount) };
  }
  log(`✗ ${name}: ${body.error?.message ?? `intake answered ${response.status}`}`);
  for (const problem of body.workbook?.problems ?? []) {
    const line = problemLine(problem);
    log(`    ${line.zh}\n    ${line.en}`);
  }
  if (body.workbook?.markedCopy) {
    const copy = path.join(path.dirname(file), body.workbook.markedCopy.fileName);
    await writeFile(copy, Buffer.from(body.workbook.markedCopy.base64, 'base64'));
    log(`    问题已标注在 / problems marked in: ${copy}`);
  }
  return { file: name, ok: false, items: 0 };
}

/** Which list a file holds: its list sheet's name, else words in its file name. */
async function kindOf(bytes: Buffer, name: string): Promise<ListKind | undefined> {
  if (/资源|resource/i.test(name)) return 'resource';
  if (/需求|demand/i.test(name)) return 'demand';
  if (!name.toLowerCase().endsWith('.xlsx')) return undefined;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as never);
  } catch {
    return undefined; // intake will say what is wrong with it; without a kind it is not sent
  }
  if (workbook.getWorksheet(SHEET_NAMES.resource)) return 'resource';
  if (workbook.getWorksheet(SHEET_NAMES.demand)) return 'demand';
  return undefined;
}

/** The deployment's operator: a 10-minute admin token signed with the deployment's own key. */
async function operatorToken(): Promise<string> {
  const postgres = await ensurePostgres(process.env);
  const tokens = await openTokenKeys(postgres.url, authSettingsFor(process.env));
  try {
    return await tokens.keys.sign({
      subject: 'operator-import',
      role: 'admin',
      name: '数据导入',
      allianceId: null,
    });
  } finally {
    await tokens.close();
  }
}

/**
 * Files done out of the total, with the rows they held: a bar on a terminal, plain lines
 * otherwise (a log file, CI), so the output stays readable either way.
 */
class ImportProgress {
  private readonly bars: MultiBar | undefined;
  private readonly bar: SingleBar | undefined;
  private items = 0;

  constructor(files: number) {
    if (!process.stderr.isTTY) return;
    this.bars = new MultiBar({
      format: '{bar} {value}/{total} files · {items} items · {file}',
      stream: process.stderr,
      hideCursor: true,
    });
    this.bar = this.bars.create(files, 0, { items: 0, file: '' });
  }

  starting(file: string): void {
    if (this.bar) this.bar.update({ file });
    else console.error(`importing ${file} …`);
  }

  done(items: number): void {
    this.items += items;
    this.bar?.increment(1, { items: this.items });
  }

  /** A line above the bar (the bar redraws below it). */
  log(line: string): void {
    if (this.bars) this.bars.log(`${line}\n`);
    else console.log(line);
  }

  stop(): void {
    this.bars?.stop();
  }
}

runMain(() => main(process.argv.slice(2)));
