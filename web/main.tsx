import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { App } from "./App";
import { installApi } from "./api";
import { startSync } from "./store/sync";
import { restoreWorkspace } from "./startup";

installApi();
await restoreWorkspace();
startSync();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
