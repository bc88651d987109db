// A pg pool whose results never carry PostgreSQL's `name` type. Prisma 6.19's pg adapter cannot
// deserialize it (prisma/orm#27403), and the schema engine reads catalog columns of that type
// during migrations. Re-typing those fields as `text` before the adapter sees them is enough.
import pg from 'pg';

const NAME_OID = 19;
const TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> } | undefined;

function retypeNames(result: QueryResultLike): void {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
}

function patchClient(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    // pg's pool calls query with a trailing callback; wrap it as well as the promise form.
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: unknown, result: QueryResultLike) => void;
      return original(...args.slice(0, -1), (error: unknown, result: QueryResultLike) => {
        retypeNames(result);
        callback(error, result);
      });
    }
    const outcome = original(...args);
    if (outcome instanceof Promise) {
      return outcome.then((result: QueryResultLike) => {
        retypeNames(result);
        return result;
      });
    }
    return outcome;
  };
  (client as unknown as { query: unknown }).query = patched;
}

/**
 * A pool that survives the server dropping an idle connection (a restart, an idle timeout, an
 * administrator's kill): pg reports that as an 'error' event, which would otherwise end the
 * process. The pool replaces the connection on the next query.
 */
export function createPgPool(
  connectionString: string,
  options: { max?: number; idleTimeoutMillis?: number } = {},
  onIdleError: (error: Error) => void = () => undefined,
): pg.Pool {
  const pool = new pg.Pool({ connectionString, ...options });
  pool.on('connect', patchClient);
  pool.on('error', onIdleError);
  return pool;
}
