import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns any handler error into `{ status: 'error', message }`,
 * which hides whether it was transient. This hands the original error to the transport,
 * which decides between retrying and dead-lettering.
 */
@Catch()
export class RethrowHandlerErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
