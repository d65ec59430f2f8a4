/// <reference types="vite/client" />
// Vite's own declarations: what a side-effect import of a stylesheet (main.tsx) brings in.
