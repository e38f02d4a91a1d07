import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class LinkIdentityDto {
  @ApiProperty({
    example: 'https://sso.thuathienhue.gov.vn/realms/motcua',
    description: "The provider's issuer exactly as it names itself (`issuer` of its discovery document, `iss`)",
  })
  @IsString()
  @MaxLength(500)
  @Matches(/^https?:\/\/\S+$/, { message: 'issuer must be an http(s) URL' })
  issuer!: string;

  @ApiProperty({ example: '8f14e45f-ceea-467f-a0e6-1b2c3d4e5f60', description: "The person's `sub` at the provider" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  subject!: string;
}
