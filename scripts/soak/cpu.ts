/**
 * CPU use over a phase, to read the throughput figures: how busy the whole machine was (from
 * /proc/stat; includes PostgreSQL, the instances and anything else running) and how much of it the
 * soak process itself took (load generator and fake platforms). Linux only; zeros elsewhere.
 */
import { readFileSync } from "node:fs";
import os from "node:os";

function machineTicks(): { busy: number; total: number } {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuFigures {
  /** Share of all cores in use during the phase, in percent. */
  machineBusyPercent: number;
  /** Share of all cores the soak process used (load generator + fakes), in percent. */
  loadGeneratorPercent: number;
}

export function measureCpu(): () => CpuFigures {
  const startTicks = machineTicks();
  const startUsage = process.cpuUsage();
  const startWall = performance.now();
  return () => {
    const ticks = machineTicks();
    const usage = process.cpuUsage(startUsage);
    const wallMs = performance.now() - startWall;
    const total = ticks.total - startTicks.total;
    return {
      machineBusyPercent: total > 0 ? Math.round(((ticks.busy - startTicks.busy) / total) * 100) : 0,
      loadGeneratorPercent: Math.round(((usage.user + usage.system) / 1000 / wallMs / os.availableParallelism()) * 100),
    };
  };
}
