import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
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

  describe('one problem per field, the one a person fixes first', () => {
    class Launch {
      @IsArray()
      @ArrayMinSize(1)
      @ArrayMaxSize(3)
      @ArrayUnique()
      @ValidateNested({ each: true })
      @Type(() => Inner)
      areas: Inner[];

      @IsString()
      @Matches(/^[a-z-]+$/)
      @MaxLength(5)
      key: string;

      @IsInt()
      @Min(1)
      @Max(10)
      count: number;
    }
    const problems = (body: object) => fieldProblems(validateSync(plainToInstance(Launch, body))).map((p) => `${p.field}:${p.constraint}`);

    it('says a missing field is required, not the five rules it fails', () => {
      expect(problems({ key: 'ab', count: 2 })).toEqual(['areas:isDefined']);
      expect(problems({ areas: null, key: 'ab', count: 2 })).toEqual(['areas:isDefined']);
    });

    it('says a wrong type before a format or a bound', () => {
      expect(problems({ areas: 'agriculture', key: 42, count: 'many' })).toEqual(['areas:isArray', 'key:isString', 'count:isInt']);
    });

    it('says a format before a bound', () => {
      expect(problems({ areas: [{ name: 'a' }], key: 'NOT-A-KEY', count: 2 })).toEqual(['key:matches']);
    });

    it('says a bound when it is all that is wrong', () => {
      expect(problems({ areas: [], key: 'ab', count: 11 })).toEqual(['areas:arrayMinSize', 'count:max']);
    });

    it('still names the wrong items of a list of the right type', () => {
      expect(problems({ areas: [{ name: 'a' }, { name: 3 }], key: 'ab', count: 2 })).toEqual(['areas.1.name:isString']);
    });
  });
});
