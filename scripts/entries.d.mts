export declare function entries(): Record<string, string>;
