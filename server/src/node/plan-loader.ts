/** The computed plan view of files on disk (for the browser tests and tools). */
import { loadWorkspace } from './workspace-loader.js';
import type { PlanView } from '../protocol.js';

export async function buildPlanView(paths: string[], options: { today: string; cwd?: string }): Promise<PlanView> {
    return (await loadWorkspace(paths, options)).view();
}
