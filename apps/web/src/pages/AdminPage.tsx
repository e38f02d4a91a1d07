export default function AdminPage(props: Record<string, unknown>) {
  void props;
  return <h1>AdminPage</h1>;
}
