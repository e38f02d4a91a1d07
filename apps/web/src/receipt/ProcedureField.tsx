import type { Ref } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { matches } from '../lib/text';
import { FIELD, fieldId } from './receipt-draft';
import { type ProcedureRecord, timeLimitText } from './procedures';

interface ProcedureFieldProps {
  procedures: ProcedureRecord[];
  selected: string | null;
  onSelect(code: string | null): void;
  error?: string;
  inputRef: Ref<HTMLInputElement>;
  loading: boolean;
}

const textOf = (p: ProcedureRecord): string => `${p.code} ${p.name}`;

/**
 * The procedure, found by code or name as the clerk types it, with or without diacritics ("dang ky doanh nghiep"
 * finds "Đăng ký … doanh nghiệp"): a combobox — type, arrows, Enter.
 */
export function ProcedureField({ procedures, selected, onSelect, error, inputRef, loading }: ProcedureFieldProps) {
  return (
    <ComboBox
      id={fieldId(FIELD.procedureCode)}
      className="field procedure-field"
      defaultItems={procedures}
      selectedKey={selected}
      onSelectionChange={(key) => onSelect(key === null ? null : String(key))}
      defaultFilter={(textValue, input) => matches(textValue, input)}
      isInvalid={!!error}
      isRequired
      validationBehavior="aria"
      menuTrigger="input"
      shouldFocusWrap
    >
      <Label>
        Thủ tục hành chính<span className="required"> (bắt buộc)</span>
      </Label>
      <div className="combo-input">
        <Input
          ref={inputRef}
          name={FIELD.procedureCode}
          placeholder="Gõ mã hoặc tên thủ tục, có dấu hay không dấu"
          autoFocus
        />
        <Button aria-label="Mở danh sách thủ tục" className="combo-toggle">
          ▾
        </Button>
      </div>
      <Text slot="description" className="hint">
        {loading
          ? 'Đang tải danh mục thủ tục…'
          : `${procedures.length} thủ tục đang có hiệu lực tại đơn vị. Mũi tên lên/xuống để chọn, Enter để xác nhận.`}
      </Text>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="combo-popover" placement="bottom start">
        <ListBox
          className="combo-list"
          renderEmptyState={() => <p className="combo-empty">Không có thủ tục phù hợp.</p>}
        >
          {(p: ProcedureRecord) => (
            <ListBoxItem id={p.code} textValue={textOf(p)} className="combo-item">
              <span className="combo-code">{p.code}</span>
              <span className="combo-name">{p.name}</span>
              <span className="combo-limit">{timeLimitText(p.timeLimit)}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
