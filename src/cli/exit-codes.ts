/**
 * Exit codes, Terraform-style: 0 ok / in sync, 1 a host failed, 2 changes present, 3 invalid input; and 130
 * (128 + SIGINT, what shells report for Ctrl-C) when a run was interrupted, by SIGINT or SIGTERM.
 */
export const EXIT = { ok: 0, failed: 1, changes: 2, invalid: 3, interrupted: 130 } as const;
