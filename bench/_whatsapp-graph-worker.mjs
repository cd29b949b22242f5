// Worker threads do not inherit tsx's loader: this bootstrap loads the TypeScript worker through it.
import { tsImport } from "tsx/esm/api";

await tsImport("./_whatsapp-graph-worker.ts", import.meta.url);
