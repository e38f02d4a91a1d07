export default function PrintPage({ dossierId, form }: { dossierId: string; form: string }) {
  return (
    <main id="main">
      <h1>
        {form} {dossierId}
      </h1>
    </main>
  );
}
