export { importCdr, type CdrImportSummary } from './import-cdr.ts';
export { cdrColumns, cdrColumnTypes, type CdrColumn } from './cdr-columns.ts';
