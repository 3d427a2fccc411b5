import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingKeys } from '../config/index.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { runCli } from './run-cli.test-helper.ts';

type Resolved = Record<string, { value: unknown; source: string }>;

describe('callqa config and the settings layers', () => {
  let temp: TempFolder;
  let configFile: string;
  const withoutCallqaEnv = Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith('CALLQA_')).map((name) => [name, '']));
  const resolvedIn = async (cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Resolved> => {
    const outcome = await runCli(['config', '--json', ...args], { ...withoutCallqaEnv, ...env }, cwd);
    expect(outcome.stderr).toBe('');
    expect(outcome.exitCode).toBe(0);
    return JSON.parse(outcome.stdout) as Resolved;
  };

  beforeAll(async () => {
    temp = await createTempFolder('callqa-config-');
    await mkdir(temp.file('project'));
    await mkdir(temp.file('empty'));
    configFile = temp.file('project/callqa.config.json');
    await writeFile(configFile, JSON.stringify({ port: 9100, whisperModelId: 'whisper-base', dbPath: 'file.duckdb', languages: ['en', 'ru'] }));
  });
  afterAll(() => temp.remove());

  it('reports every setting with its source: flag over env over file over built-in', async () => {
    const all = await resolvedIn(temp.file('project'), ['--port', '9300', '--whisper-model', 'whisper-tiny'], {
      CALLQA_PORT: '9200', CALLQA_WHISPER_MODEL: 'whisper-large-v3-turbo', CALLQA_DB: 'env.duckdb',
    });
    expect(Object.keys(all)).toEqual(settingKeys);
    expect(all.port).toEqual({ value: 9300, source: 'flag --port' });
    expect(all.whisperModelId).toEqual({ value: 'whisper-tiny', source: 'flag --whisper-model' });
    expect(all.dbPath).toEqual({ value: 'env.duckdb', source: 'env CALLQA_DB' });
    expect(all.languages).toEqual({ value: ['en', 'ru'], source: `file ${configFile}` });
    expect(all.host).toEqual({ value: '127.0.0.1', source: 'default' });

    const envAndFile = await resolvedIn(temp.file('project'), [], { CALLQA_PORT: '9200', CALLQA_WHISPER_MODEL: 'whisper-large-v3-turbo' });
    expect(envAndFile.port).toEqual({ value: 9200, source: 'env CALLQA_PORT' });
    expect(envAndFile.whisperModelId).toEqual({ value: 'whisper-large-v3-turbo', source: 'env CALLQA_WHISPER_MODEL' });

    const fileOnly = await resolvedIn(temp.file('project'));
    expect(fileOnly.port).toEqual({ value: 9100, source: `file ${configFile}` });
    expect(fileOnly.whisperModelId).toEqual({ value: 'whisper-base', source: `file ${configFile}` });

    const builtIns = await resolvedIn(temp.file('empty'));
    for (const key of settingKeys) expect(builtIns[key]!.source).toBe('default');
    expect(builtIns.port!.value).toBe(8080);
    expect(builtIns.whisperModelId!.value).toBe('whisper-small');
  });

  it('reads the file --config names instead of the one in the working directory', async () => {
    const named = temp.file('named.json');
    await writeFile(named, JSON.stringify({ queueLimit: 7 }));
    const resolved = await resolvedIn(temp.file('project'), ['--config', named]);
    expect(resolved.queueLimit).toEqual({ value: 7, source: `file ${named}` });
    expect(resolved.port!.source).toBe('default');
  });

  it('prints a table with one row per setting by default', async () => {
    const outcome = await runCli(['config'], { ...withoutCallqaEnv, CALLQA_QUEUE_LIMIT: '5' }, temp.file('project'));
    expect(outcome.exitCode).toBe(0);
    const rows = outcome.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^setting\s+value\s+source$/);
    expect(rows).toHaveLength(settingKeys.length + 1);
    expect(rows.find((row) => row.startsWith('queueLimit '))).toMatch(/^queueLimit\s+5\s+env CALLQA_QUEUE_LIMIT$/);
    expect(rows.find((row) => row.startsWith('port '))).toMatch(new RegExp(`^port\\s+9100\\s+file ${configFile.replace(/[.]/g, '\\.')}$`));
  });

  it.each([
    ['a flag', ['--db-threads', '0'], {}, '--db-threads must be an integer from 1 to 256, got "0" (setting duckdbThreads)'],
    ['a variable', [], { CALLQA_LANGUAGES: 'en,xx' }, 'CALLQA_LANGUAGES must be a non-empty list of distinct codes'],
    ['the file', ['--config', 'bad-value.json'], {}, 'setting agentChannel in '],
    ['an unknown key in the file', ['--config', 'unknown-key.json'], {}, 'unknown setting "dbpath"'],
    ['a missing --config file', ['--config', 'missing.json'], {}, 'missing.json: no such file'],
  ])('refuses %s with CQA_ERR_CONFIG_INVALID and exit 2, naming the key and the layer', async (_, args, env, message) => {
    await writeFile(temp.file('bad-value.json'), JSON.stringify({ agentChannel: 2 }));
    await writeFile(temp.file('unknown-key.json'), JSON.stringify({ dbpath: 'calls.duckdb' }));
    const outcome = await runCli(['config', ...args], { ...withoutCallqaEnv, ...env }, temp.folder);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('callqa: CQA_ERR_CONFIG_INVALID: ');
    expect(outcome.stderr).toContain(message);
  });

  it('every command validates the settings before it touches the database', async () => {
    await writeFile(temp.file('project/typo.json'), JSON.stringify({ prot: 9000 }));
    const db = temp.file('never-created.duckdb');
    const outcome = await runCli(['kpi', '--db', db, '--config', 'typo.json'], withoutCallqaEnv, temp.file('project'));
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain(`${temp.file('project/typo.json')}: unknown setting "prot"`);
    expect(existsSync(db)).toBe(false);
  });
});
