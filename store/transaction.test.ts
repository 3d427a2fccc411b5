/**
 * A failed COMMIT must be reported as itself: DuckDB ends the transaction when COMMIT fails,
 * so the ROLLBACK after it fails too, and that error used to hide the real one (a disk-full
 * CDR import answered CQA_ERR_INTERNAL "cannot rollback" instead of CQA_ERR_STORE_WRITE).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallqaError } from '../core/errors.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { importCdr } from './cdr/import-cdr.ts';
import { cdrHeader } from './kpi/kpi-fixture.test-helper.ts';
import { openStore } from './open-store.ts';
import { inTransaction, writeInTransaction } from './transaction.ts';

const run = promisify(execFile);

describe('inTransaction and writeInTransaction', () => {
  /** Two connections that insert the same key: the second COMMIT fails with a constraint error. */
  async function conflictingConnections() {
    const instance = await DuckDBInstance.create(':memory:');
    const [first, second] = [await instance.connect(), await instance.connect()];
    await first.run('CREATE TABLE t (k INTEGER PRIMARY KEY)');
    const commitOther = async () => {
      await second.run('INSERT INTO t VALUES (1)');
    };
    return { first, commitOther, count: async () => Number((await first.runAndReadAll('SELECT count(*) AS n FROM t')).getRowObjectsJS()[0]!.n) };
  }

  it("reports a failed COMMIT as its own error, not the ROLLBACK's", async () => {
    const { first, commitOther } = await conflictingConnections();
    const failure = inTransaction(first, async () => {
      await first.run('INSERT INTO t VALUES (1)');
      await commitOther();
    });
    await expect(failure).rejects.toThrow(/Failed to commit: PRIMARY KEY or UNIQUE constraint violation/);
    // The connection is usable afterwards: no transaction is left open.
    await first.run('BEGIN TRANSACTION');
    await first.run('ROLLBACK');
  });

  it('turns a failed write into CQA_ERR_STORE_WRITE naming the subject and the cause, and keeps catalogue errors as they are', async () => {
    const { first, commitOther, count } = await conflictingConnections();
    const failure = await writeInTransaction(first, 'x.csv: storing rows', async () => {
      await first.run('INSERT INTO t VALUES (1)');
      await commitOther();
    }).catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(CallqaError);
    expect(failure).toMatchObject({ code: 'CQA_ERR_STORE_WRITE', exitCode: 5 });
    expect((failure as Error).message).toMatch(/^x\.csv: storing rows failed \(.*Failed to commit.*\); nothing was changed$/);

    const refused = new CallqaError('CQA_ERR_CDR_VALUE', 'line 3: bad value');
    await expect(writeInTransaction(first, 'x.csv', async () => {
      await first.run('INSERT INTO t VALUES (2)');
      throw refused;
    })).rejects.toBe(refused);
    expect(await count()).toBe(1); // the other connection's row only: 2 was rolled back
  });
});

describe('a disk that fills up during a write', () => {
  let temp: TempFolder;
  let mounted = false;
  beforeAll(async () => {
    temp = await createTempFolder();
    // A 4 MiB tmpfs is a real full disk; mounting one needs root (CI runs the suite as root).
    mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', temp.file('')]).then(() => true, () => false);
  });
  afterAll(async () => {
    if (mounted) await run('umount', [temp.file('')]);
    await temp.remove();
  });

  it('reports CQA_ERR_STORE_WRITE for a CDR import, with the cause', async (context) => {
    if (!mounted) context.skip('needs root to mount a small tmpfs');
    const store = await openStore(temp.file('callqa.duckdb'));
    try {
      const csvFolder = await createTempFolder();
      const rows = Array.from({ length: 20_000 }, (_, i) => `p${i},x${i}.wav,sales,a1,c1,2024-03-04T09:00:00,2024-03-04T09:00:10,2024-03-04T09:05:10,false,,false,false,30`);
      const csvPath = csvFolder.file('cdr.csv');
      await writeFile(csvPath, `${cdrHeader}\n${rows.join('\n')}\n`);
      await run('sh', ['-c', `dd if=/dev/zero of=${temp.file('filler')} bs=4k 2>/dev/null; true`]); // fill what is left
      const failure = await importCdr(store, csvPath).catch((thrown: unknown) => thrown);
      await csvFolder.remove();
      expect(failure).toMatchObject({ code: 'CQA_ERR_STORE_WRITE' });
      expect((failure as Error).message).toContain(`${csvPath}: storing the call-detail records failed (`);
      expect((failure as Error).message).not.toContain('cannot rollback');
    } finally {
      store.close();
    }
  });
});
