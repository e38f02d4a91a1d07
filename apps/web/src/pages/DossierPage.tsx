export default function DossierPage(props: Record<string, unknown>) {
  void props;
  return <h1>DossierPage</h1>;
}
