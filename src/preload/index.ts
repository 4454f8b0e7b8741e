// The preload exposes the IPC contract's named methods; the contract arrives with the desktop app.
export {}
