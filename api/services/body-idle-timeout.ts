/**
 * A request body that stops arriving must not hold a file, a file descriptor and a handler
 * for ever: Node's own request timeout is off under Fastify, and a total timeout would cut
 * honest large uploads on slow links. So the upload route watches the socket instead: when
 * a whole `idleMs` passes without a byte read, the request stream fails with a 408, which
 * ends the multipart parser and the file stream the same way a client error would (partial
 * file removed), and the route answers and closes the connection.
 */
import type { IncomingMessage } from 'node:http';
import { CallqaError } from '../../core/errors.ts';

/**
 * Starts watching; call the returned function once the body has been read (or refused).
 * The socket's byte count is polled rather than its 'data' events listened to: a listener
 * would take the bytes from under Node's HTTP parser. An idle body fails after one to two
 * `idleMs`. Injected requests (tests) have no network socket and nothing to wait for.
 */
export function watchBodyIdle(request: IncomingMessage, idleMs: number): () => void {
  const socket = request.socket as Partial<IncomingMessage['socket']> | null;
  if (typeof socket?.bytesRead !== 'number') return () => {};
  let bytesSeen = socket.bytesRead;
  const timer = setInterval(() => {
    if (socket.bytesRead !== bytesSeen) {
      bytesSeen = socket.bytesRead ?? bytesSeen;
      return;
    }
    clearInterval(timer);
    const error = new CallqaError(
      'CQA_ERR_API_REQUEST_TIMEOUT',
      `the request body stopped arriving: no bytes for ${idleMs / 1000} s before it was complete; send the whole file again`,
    );
    // Nobody reading the body yet: an unheard 'error' would throw, so drop the connection instead.
    if (request.listenerCount('error') === 0) return void request.destroy(error);
    // Unpiped and failed, not destroyed: the socket must stay open for the 408 answer.
    request.unpipe();
    request.emit('error', error);
  }, idleMs);
  return () => clearInterval(timer);
}
