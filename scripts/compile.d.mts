// Types for scripts/compile.mjs (plain JavaScript so that it runs before and without tsx).
export declare const ROOT: string;
export declare const OUT_DIR: string;
export declare const ENTRIES: Record<string, string>;
export declare function sourcesStamp(): Promise<string>;
export declare function isStale(): Promise<boolean>;
export declare function compile(options?: { quiet?: boolean }): Promise<void>;
