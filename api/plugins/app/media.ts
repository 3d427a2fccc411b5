/** Decorates the app with `audioCache`: browser audio per call, transcoded once. */
import { createAudioCache, type AudioCache } from '../../services/audio-cache.ts';
import { sharedPlugin } from '../shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    audioCache: AudioCache;
  }
}

export const mediaPlugin = sharedPlugin<{ cacheDir: string }>('callqa-media', async (app, { cacheDir }) => {
  app.decorate('audioCache', createAudioCache(cacheDir));
});
