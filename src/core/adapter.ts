// What every platform adapter offers the process that runs it.
export interface PlatformAdapter {
  readonly name: 'slack' | 'discord' | 'console';
  start(): Promise<void>;
  stop(): Promise<void>;
}
