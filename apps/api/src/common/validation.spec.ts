import { plainToInstance, Type } from 'class-transformer';
import { IsNotEmpty, IsString, ValidateNested, validateSync } from 'class-validator';
import { fieldProblems } from './validation';

class Inner {
  @IsString()
  name: string;
}

class Outer {
  @IsNotEmpty()
  title: string;

  @ValidateNested({ each: true })
  @Type(() => Inner)
  items: Inner[];
}

describe('fieldProblems', () => {
  it('names nested fields by their path', () => {
    const errors = validateSync(plainToInstance(Outer, { title: '', items: [{ name: 'ok' }, { name: 3 }] }));
    expect(fieldProblems(errors)).toEqual([
      { field: 'title', constraint: 'isNotEmpty', params: { values: '' } },
      { field: 'items.1.name', constraint: 'isString', params: { values: '' } },
    ]);
  });
});
