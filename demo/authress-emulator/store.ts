// All emulator state lives in one SQLite document table: (kind, id) -> JSON.
// A document store keeps the schema trivial while every write stays transactional and durable.
import Database from 'better-sqlite3';

export type Kind =
  | 'meta' | 'role' | 'record' | 'connection' | 'tenant' | 'invite' | 'user' | 'member'
  | 'authRequest' | 'code' | 'session' | 'upstream' | 'serviceClientKey';

export class Store {
  readonly db: Database.Database;
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly listStmt: Database.Statement;

  constructor(path: string) {
    this.db = new Database(path);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS documents (
      kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id))`);
    this.getStmt = this.db.prepare('SELECT data FROM documents WHERE kind = ? AND id = ?');
    this.putStmt = this.db.prepare('INSERT OR REPLACE INTO documents (kind, id, data) VALUES (?, ?, ?)');
    this.deleteStmt = this.db.prepare('DELETE FROM documents WHERE kind = ? AND id = ?');
    this.listStmt = this.db.prepare('SELECT data FROM documents WHERE kind = ? ORDER BY rowid');
  }

  get<T>(kind: Kind, id: string): T | undefined {
    const row = this.getStmt.get(kind, id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  put<T>(kind: Kind, id: string, value: T): T {
    this.putStmt.run(kind, id, JSON.stringify(value));
    return value;
  }

  /** Inserts only if absent; returns false when the id already exists. */
  insert<T>(kind: Kind, id: string, value: T): boolean {
    const result = this.db.prepare('INSERT OR IGNORE INTO documents (kind, id, data) VALUES (?, ?, ?)')
      .run(kind, id, JSON.stringify(value));
    return result.changes === 1;
  }

  delete(kind: Kind, id: string): boolean {
    return this.deleteStmt.run(kind, id).changes === 1;
  }

  list<T>(kind: Kind): T[] {
    return (this.listStmt.all(kind) as Array<{ data: string }>).map((row) => JSON.parse(row.data) as T);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
