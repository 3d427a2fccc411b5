/**
 * The name and description of callqa and of each subcommand, as data apart from the commands'
 * code: `callqa --help` lists them and `callqa --version` answers without loading any command
 * (and so the pipeline, DuckDB, ONNX). bin/callqa.js reads the same file to answer both before
 * it registers tsx.
 */
import metaData from './command-meta.json' with { type: 'json' };

export const mainMeta = metaData.callqa;
export const commandMeta = metaData.commands;
