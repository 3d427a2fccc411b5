import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { DuckDBTypeId, JSDuckDBValueConverter, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import {
  Bool, DateDay, Float32, Float64, Int16, Int32, Int64, Int8, RecordBatchFileWriter, Table, TimestampMicrosecond, Utf8,
  vectorFromArray, type DataType, type Vector,
} from 'apache-arrow';

/** Rows gathered per record batch: DuckDB chunks hold 2 048, too few for readers to stream well. */
const rowsPerBatch = 65_536;

const arrowTypeOf: Partial<Record<DuckDBTypeId, () => DataType>> = {
  [DuckDBTypeId.BOOLEAN]: () => new Bool(),
  [DuckDBTypeId.TINYINT]: () => new Int8(),
  [DuckDBTypeId.SMALLINT]: () => new Int16(),
  [DuckDBTypeId.INTEGER]: () => new Int32(),
  [DuckDBTypeId.BIGINT]: () => new Int64(),
  [DuckDBTypeId.FLOAT]: () => new Float32(),
  [DuckDBTypeId.DOUBLE]: () => new Float64(),
  [DuckDBTypeId.DATE]: () => new DateDay(),
  [DuckDBTypeId.TIMESTAMP]: () => new TimestampMicrosecond(),
  [DuckDBTypeId.TIMESTAMP_TZ]: () => new TimestampMicrosecond('UTC'),
};

/** Anything without a direct Arrow type here (JSON, lists, intervals) is written as text. */
function toArrowType(type: DuckDBType): DataType {
  return arrowTypeOf[type.typeId]?.() ?? new Utf8();
}

function toArrowValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (type instanceof Utf8) return typeof value === 'string' ? value : JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  if (type instanceof TimestampMicrosecond && value instanceof Date) return value.getTime();
  if (type instanceof Int64 && typeof value === 'number') return BigInt(value);
  return value;
}

/**
 * Streams a query's result into an Arrow IPC file (the random-access "file" format, `.arrow`),
 * one record batch per 65 536 rows, so memory stays bounded whatever the table's size.
 * Returns the number of rows written.
 */
export async function writeArrowFile(connection: DuckDBConnection, sql: string, filePath: string): Promise<number> {
  const result = await connection.stream(sql);
  const names = result.columnNames();
  const types = result.columnTypes().map(toArrowType);
  const writer = new RecordBatchFileWriter();
  const output = writer.toNodeStream().pipe(createWriteStream(filePath));
  let columns: unknown[][] = names.map(() => []);
  let pendingRows = 0;
  let totalRows = 0;
  const flush = () => {
    const vectors = Object.fromEntries(names.map((name, index) =>
      [name, vectorFromArray(columns[index]!.map((value) => toArrowValue(value, types[index]!)), types[index]!) as Vector]));
    writer.write(new Table(vectors));
    totalRows += pendingRows;
    columns = names.map(() => []);
    pendingRows = 0;
  };
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    chunk.convertColumns(JSDuckDBValueConverter).forEach((values, index) => columns[index]!.push(...values));
    pendingRows += chunk.rowCount;
    if (pendingRows >= rowsPerBatch) flush();
  }
  if (pendingRows > 0 || totalRows === 0) flush();
  writer.finish();
  await finished(output);
  return totalRows;
}
