/**
 * A call's recording for the browser's audio element: transcoded once (see audio-cache.ts)
 * and served with byte ranges, so seeking to a rule's evidence does not download the call.
 */
import { createReadStream } from 'node:fs';
import { agentScopeOf } from '../../services/call-visibility.ts';
import { roleSets } from '../../roles.ts';
import { loadBleepSpans } from '../../services/bleeps.ts';
import { resolveByteRange } from '../../services/byte-range.ts';
import { loadRecordingRef } from '../../services/call-detail.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { callAudioSchema } from './schemas.ts';

export const audioRoutes: RoutePlugin = async (app, { options: { analyzeConfig } }) => {
  app.get('/calls/:callId/audio', { schema: callAudioSchema, config: { access: roleSets.everyone, accessLog: 'listen' } }, async (request, reply) => {
    const call = await loadRecordingRef(app.db, request.params.callId, agentScopeOf(request));
    const audio = await app.audioCache.load(call, await loadBleepSpans(app.db, call.call_id, analyzeConfig.redaction));
    const range = (() => {
      try {
        return resolveByteRange(request.headers.range, audio.sizeBytes);
      } catch (error) {
        reply.header('content-range', `bytes */${audio.sizeBytes}`); // RFC 9110 §15.5.17: tell the client the size
        throw error;
      }
    })();
    if (range.partial) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${audio.sizeBytes}`);
    return reply
      .header('accept-ranges', 'bytes')
      .header('content-length', String(range.end - range.start + 1))
      .header('cache-control', 'private, max-age=3600')
      .type(audio.contentType)
      .send(createReadStream(audio.filePath, { start: range.start, end: range.end }));
  });
};
