export default function ReceiptPage(props: Record<string, unknown>) {
  void props;
  return <h1>ReceiptPage</h1>;
}
