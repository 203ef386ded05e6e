import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** Where a command belongs in the palette, the help page and the menus. */
export type CommandGroup = 'structure' | 'navigate' | 'review' | 'find' | 'view' | 'app';

/**
 * A command of the interface: what it is called (a catalogue key), its shortcut as the help and the
 * palette show it, and what it does. The same object is behind a toolbar button, a context menu
 * entry and a palette line, so they cannot disagree.
 */
export interface AppCommand {
  id: string;
  /** Catalogue key of its name. */
  title: string;
  /** The shortcut, as shown ("Ctrl+Shift+Backspace"); none if it has none. */
  keys?: string;
  group: CommandGroup;
  run(): void;
  /** Whether it can run now (a repeal needs the cursor in a unit of an editable draft). */
  enabled?(): boolean;
}

interface Registry {
  commands: readonly AppCommand[];
  register(owner: string, commands: readonly AppCommand[]): void;
  unregister(owner: string): void;
}

const CommandContext = createContext<Registry | null>(null);

/** Holds the commands the app and the open view offer (views register theirs while they are shown). */
export function CommandProvider({ children }: { children: ReactNode }) {
  const [owners, setOwners] = useState<ReadonlyMap<string, readonly AppCommand[]>>(new Map());
  // Stable: a view registering its commands must not make itself register again.
  const actions = useMemo(
    () => ({
      register: (owner: string, commands: readonly AppCommand[]) => setOwners((m) => new Map(m).set(owner, commands)),
      unregister: (owner: string) =>
        setOwners((m) => {
          const next = new Map(m);
          next.delete(owner);
          return next;
        }),
    }),
    [],
  );
  const registry = useMemo<Registry>(() => ({ ...actions, commands: [...owners.values()].flat() }), [actions, owners]);
  return <CommandContext.Provider value={registry}>{children}</CommandContext.Provider>;
}

/** Every command offered now, the app's first. */
export function useCommands(): readonly AppCommand[] {
  return useContext(CommandContext)?.commands ?? [];
}

/** Offers a view's commands while it is shown (`owner` names the view; a new list replaces its old one). */
export function useRegisterCommands(owner: string, commands: readonly AppCommand[]): void {
  const registry = useContext(CommandContext);
  const register = registry?.register;
  const unregister = registry?.unregister;
  useEffect(() => {
    register?.(owner, commands);
  }, [register, owner, commands]);
  useEffect(() => () => unregister?.(owner), [unregister, owner]);
}
