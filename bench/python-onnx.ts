/**
 * The benches that generate random-weight models run Debian's python3 with its onnx and numpy
 * packages. Checked up front, so a fresh machine gets one line saying what to install instead
 * of a Python stack trace from the generator.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** A bench cannot run on this machine; its message is the one line to print. */
export class BenchPrerequisiteError extends Error {}

export const pythonPath = process.env.CALLQA_BENCH_PYTHON ?? '/usr/bin/python3';

export async function requirePythonOnnx(bench: string): Promise<void> {
  try {
    await promisify(execFile)(pythonPath, ['-c', 'import onnx, numpy']);
  } catch {
    throw new BenchPrerequisiteError(`bench ${bench} generates its models with ${pythonPath} and the onnx and numpy modules; install them: sudo apt-get install python3 python3-onnx python3-numpy`);
  }
}
