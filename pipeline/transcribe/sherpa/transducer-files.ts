/**
 * The files of a NeMo transducer export (Parakeet TDT, GigaAM) as sherpa-onnx's converters lay
 * them out: encoder, decoder and joiner, each as `<name>.int8.onnx` or `<name>.onnx`, and
 * tokens.txt. The 8-bit file is preferred where both exist.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';

export interface TransducerFiles {
  encoder: string;
  decoder: string;
  joiner: string;
  tokens: string;
}

const exists = (filePath: string) => access(filePath).then(() => true, () => false);

async function findOnnx(modelDir: string, name: string): Promise<string | null> {
  for (const candidate of [`${name}.int8.onnx`, `${name}.onnx`]) if (await exists(path.join(modelDir, candidate))) return path.join(modelDir, candidate);
  return null;
}

/** The transducer's files in `modelDir`, or the names of the missing ones. */
export async function findTransducerFiles(modelDir: string): Promise<{ files: TransducerFiles; missing: [] } | { files: null; missing: string[] }> {
  const [encoder, decoder, joiner] = await Promise.all(['encoder', 'decoder', 'joiner'].map((name) => findOnnx(modelDir, name)));
  const tokens = path.join(modelDir, 'tokens.txt');
  const missing = [
    ...(encoder ? [] : ['encoder(.int8).onnx']),
    ...(decoder ? [] : ['decoder(.int8).onnx']),
    ...(joiner ? [] : ['joiner(.int8).onnx']),
    ...((await exists(tokens)) ? [] : ['tokens.txt']),
  ];
  return encoder && decoder && joiner && missing.length === 0 ? { files: { encoder, decoder, joiner, tokens }, missing: [] } : { files: null, missing };
}
