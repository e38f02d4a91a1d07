/** A one-line progress display on stderr (rewritten in place on a terminal, one line per update otherwise). */
export function progressLine(label: string): (done: number, total: number, commands: number) => void {
  const started = Date.now();
  return (done, total, commands) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(commands / seconds) : 0;
    const line = `  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} dossiers, ${commands.toLocaleString('en')} commands (${rate.toLocaleString('en')}/s)`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    else process.stderr.write(`${line}\n`);
  };
}
